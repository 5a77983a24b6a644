package org.diwan.moderation;

import java.util.Map;
import org.diwan.guideline.GuidelineCode;

/** An admin replaced the automatic moderation policies with these (null: approve nothing). */
public record PoliciesChanged(
    String actor, Map<GuidelineCode, Double> rejectAt, Double approveBelow) {}
