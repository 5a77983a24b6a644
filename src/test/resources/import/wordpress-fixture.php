<?php
/*
 * Adds the posts and comments of the WordPress test export to a freshly installed WordPress site
 * and prints WordPress's own export (Tools > Export, "All content") of the whole site.
 * Run with the PHP of that site: php wordpress-fixture.php > wordpress-export.xml
 * WP_LOAD names the site's wp-load.php; HTTP_HOST its host (Debian picks the config from it).
 */
$_SERVER['HTTP_HOST']   = getenv( 'HTTP_HOST' ) ?: '127.0.0.1:8081';
$_SERVER['REQUEST_URI'] = '/';
require getenv( 'WP_LOAD' ) ?: '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

function fixture_post( $title, $name, $content, $date ) {
	$id = wp_insert_post( array(
		'post_title'    => $title,
		'post_name'     => $name,
		'post_content'  => $content,
		'post_status'   => 'publish',
		'post_author'   => 1,
		'post_date'     => $date,
		'post_date_gmt' => $date,
	), true );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() . "\n" ); exit( 1 ); }
	return $id;
}

function fixture_comment( $post, $author, $email, $text, $date, $approved, $parent = 0 ) {
	return wp_insert_comment( array(
		'comment_post_ID'      => $post,
		'comment_author'       => $author,
		'comment_author_email' => $email,
		'comment_author_IP'    => '192.0.2.7',
		'comment_content'      => $text,
		'comment_date'         => $date,
		'comment_date_gmt'     => $date,
		'comment_approved'     => $approved,
		'comment_parent'       => $parent,
	) );
}

$bridge = fixture_post(
	'Bridge repairs: council & residents agree',
	'bridge-repairs',
	"<!-- wp:paragraph -->\n<p>The council voted on Tuesday to repair the old bridge.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Work starts in March &amp; ends in June.</p>\n<!-- /wp:paragraph -->",
	'2026-11-02 09:00:00'
);
$market = fixture_post(
	'بازاڕی نوێی هەولێر',
	'new-market',
	'<p>بازاڕێکی نوێ لە ناوەندی شار دەکرێتەوە.</p>',
	'2026-11-03 10:30:00'
);

$first = fixture_comment( $bridge, 'Hana Aziz', 'Hana.Aziz@example.org',
	'About time. The detour adds twenty minutes each way.', '2026-11-02 10:15:00', 1 );
fixture_comment( $bridge, 'Karim', 'karim@example.org',
	'Agreed, and the night buses should keep running.', '2026-11-02 11:00:00', 1, $first );
fixture_comment( $bridge, 'Lena', 'lena@example.org',
	'Will the footpath stay open? Costs &amp; dates &lt;please&gt;.', '2026-11-02 12:00:00', 0 );
$spam = fixture_comment( $bridge, 'Cheap pills', 'spam@example.net',
	'Buy now at a discount!', '2026-11-02 13:00:00', 0 );
wp_spam_comment( $spam );
$trash = fixture_comment( $bridge, 'Omar', 'omar@example.org',
	'Posted twice by mistake, please ignore.', '2026-11-02 14:00:00', 1 );
wp_trash_comment( $trash );
fixture_comment( $market, 'ئارام', 'aram@example.org',
	'زۆر باشە، چاوەڕێی دەکەین.', '2026-11-03 12:00:00', 1 );
fixture_comment( $market, 'Rêzan', 'rezan@example.org',
	'Ev nûçeyek baş e — çi dem vedibe?', '2026-11-03 13:00:00', 0 );

export_wp( array( 'content' => 'all' ) );
