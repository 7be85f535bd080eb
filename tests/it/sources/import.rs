//! `reelread import` of what is not plain text: a saved page, a feed file, a Letterboxd
//! export (its folder and its zip), a URL; into the library or `--into DIR`.

use std::io::Write as _;
use std::path::Path;

use loopback::{Reply, Server};

use super::{Home, alice_feed, text};
use crate::support::feeds::wordpress_post;

const EXPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/sources/letterboxd-export"
);

/// The export's files as a zip, the way Letterboxd sends it.
fn export_zip(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("letterboxd-export.zip");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    for name in ["profile.csv", "reviews.csv", "diary.csv"] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        zip.write_all(&std::fs::read(Path::new(EXPORT).join(name)).expect("fixture"))
            .expect("write");
    }
    zip.finish().expect("finish");
    path
}

#[test]
fn an_export_into_an_empty_folder_makes_a_collection_per_film() {
    let home = Home::new();
    let zip = export_zip(home.path());
    let into = home.path().join("imported");
    std::fs::create_dir_all(&into).expect("an empty folder");
    let out = home.run(&[
        "import",
        zip.to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("5 new reviews"), "{said}");
    assert!(said.contains("in 4 collections"), "{said}");
    let out = home.run(&["list", "--json", into.to_str().expect("utf-8")]);
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed.len(), 5);
    assert!(
        listed.iter().all(|r| r["reviewer"] == "trackside_reels"),
        "{listed:?}"
    );
    // Importing again finds every review in place.
    let again = home.run(&[
        "import",
        zip.to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
    ]);
    assert!(
        text(&again.stdout).contains("0 new reviews · 0 updated · 5 unchanged"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn an_export_folder_without_into_goes_into_the_library() {
    let home = Home::new();
    let out = home.run(&["import", EXPORT]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(home.listed().len(), 5);
    assert!(
        home.library()
            .join("1-mile-to-you-2017/film.toml")
            .is_file()
    );
}

#[test]
fn a_saved_page_gives_its_article_and_a_feed_file_its_reviews() {
    let home = Home::new();
    let page = home.path().join("post.html");
    std::fs::write(
        &page,
        wordpress_post(
            "https://reelnotes.example/2024/05/heat/",
            "https://reelnotes.example/2024/05/heat/feed/",
        ),
    )
    .expect("write");
    let out = home.run(&["import", page.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = home.listed();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["film"]["title"], "Heat");
    assert_eq!(listed[0]["url"], "https://reelnotes.example/2024/05/heat/");
    let film = std::fs::read_to_string(home.library().join("heat-1995/film.toml")).expect("film");
    assert!(
        film.contains("Al Pacino") && film.contains("Michael Mann"),
        "{film}"
    );

    let feed = home.path().join("alice.xml");
    std::fs::write(&feed, alice_feed(false)).expect("write");
    let out = home.run(&["import", feed.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("2 new reviews"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        home.listed().len(),
        3,
        "the Heat review joins the Heat collection"
    );
    assert!(!home.library().join("heat-1995-2").exists());
}

#[test]
fn a_url_is_fetched_once_and_its_article_imported_into_a_collection() {
    let server = Server::start();
    let url = server.url("/2024/05/heat/");
    server.route(
        "/2024/05/heat/",
        Reply::ok(wordpress_post(&url, &server.url("/none/")), "text/html"),
    );
    let home = Home::new();
    let collection = home.path().join("heat");
    std::fs::create_dir_all(collection.join("reviews")).expect("mkdir");
    let out = home.run(&[
        "import",
        &url,
        "--into",
        collection.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names: Vec<_> = std::fs::read_dir(collection.join("reviews"))
        .expect("reviews")
        .flatten()
        .collect();
    assert_eq!(names.len(), 1);
}
