-- Single sign-on for staff (issue 22). An account is bound to the provider's subject (issuer and
-- sub) at its first sign-in through the provider, so an address later given to someone else at the
-- provider does not open it. People who signed in before an admin gave them a role wait in
-- staff_sign_in_request until one does.
ALTER TABLE staff ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX staff_by_oidc_subject ON staff (oidc_subject);

CREATE TABLE staff_sign_in_request (
    email        TEXT    NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    first_at     BIGINT  NOT NULL,
    last_at      BIGINT  NOT NULL
);
