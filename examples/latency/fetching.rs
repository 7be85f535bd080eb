//! A world in which `R` has work to do: 60 feeds served on six loopback hosts by the
//! feed-server example, each reply a second late, followed in a fresh HOME, so key presses
//! can be timed while the reader fetches in the background.

use super::*;

use std::io::BufRead as _;
use std::process::{Child, Command, Stdio};

/// The served feeds, the server and the environment that follows them.
pub(crate) struct FetchWorld {
    _dir: tempfile::TempDir,
    server: Child,
    /// `HOME` and the XDG folders, for the reader's command line.
    pub(crate) env: Vec<(&'static str, String)>,
}

impl Drop for FetchWorld {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Writes 60 feeds, serves them next to `bin` (`examples/feed-server`) and follows them.
pub(crate) fn fetch_world(bin: &Path) -> Res<FetchWorld> {
    let dir = tempfile::tempdir()?;
    let feeds = dir.path().join("feeds");
    std::fs::create_dir_all(&feeds)?;
    for f in 1..=60 {
        let mut xml = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Critic {f}</title>\
             <link>https://critic{f}.example/</link><description>d</description>"
        );
        for i in 1..=20 {
            let _ = write!(
                xml,
                "<item><title>Review {i}</title><link>https://critic{f}.example/{i}/</link>\
                 <guid>https://critic{f}.example/{i}/</guid><description><![CDATA[<p>{}</p>]]>\
                 </description></item>",
                "The film holds its nerve and trusts its actors. ".repeat(12)
            );
        }
        xml.push_str("</channel></rss>");
        std::fs::write(feeds.join(format!("critic-{f}.xml")), xml)?;
    }
    let server_bin = bin
        .parent()
        .ok_or("no target folder")?
        .join("examples/feed-server");
    let mut server = Command::new(&server_bin)
        .arg(&feeds)
        .args(["--delay-ms", "1000", "--hosts", "6", "--for-secs", "600"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "{}: {e} (build it: cargo build --release --example feed-server)",
                server_bin.display()
            )
        })?;
    let out = server.stdout.take().ok_or("no server output")?;
    let bases: Vec<String> = std::io::BufReader::new(out)
        .lines()
        .take(6)
        .collect::<Result<_, _>>()?;
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join("config/reelread"))?;
    let mut sources = String::new();
    for (n, base) in (1..=60).zip(bases.iter().cycle()) {
        let _ = write!(
            sources,
            "[[source]]\nname = \"s{n}\"\nurl = \"{base}critic-{n}.xml\"\n\n"
        );
    }
    std::fs::write(home.join("config/reelread/sources.toml"), sources)?;
    let at = |sub: &str| home.join(sub).display().to_string();
    let env = vec![
        ("HOME", home.display().to_string()),
        ("XDG_CONFIG_HOME", at("config")),
        ("XDG_DATA_HOME", at("data")),
        ("XDG_STATE_HOME", at("state")),
    ];
    Ok(FetchWorld {
        _dir: dir,
        server,
        env,
    })
}
