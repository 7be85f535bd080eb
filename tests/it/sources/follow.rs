//! Following and unfollowing by hand, and `check` on the sources file.

use super::{Home, following_alice, text};

#[test]
fn unfollow_removes_the_source_and_keeps_its_reviews() {
    let (_server, url, home) = following_alice();
    let again = home.run(&["follow", &url]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already following"),
        "{}",
        text(&again.stderr)
    );
    assert!(home.run(&["fetch"]).status.success());
    let out = home.run(&["unfollow", "alice"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("its reviews stay in the library"));
    let out = home.run(&["sources"]);
    assert!(text(&out.stdout).starts_with("No sources followed yet."));
    assert_eq!(home.listed().len(), 2);
    let out = home.run(&["unfollow", "alice"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no source named `alice`"));
}

#[test]
fn check_reports_a_bad_sources_file_with_its_position() {
    let home = Home::new();
    let config = home.path().join("config/reelread");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(
        config.join("sources.toml"),
        "[[source]]\nname = \"ok\"\nurl = \"https://a.example/feed\"\n\n[[source]]\nname = \"bad\"\nurl = \"file:///etc/passwd\"\n",
    )
    .expect("write");
    let out = home.run(&["check"]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("sources.toml:5:1: error: url must start with http:// or https://"),
        "{said}"
    );
}
