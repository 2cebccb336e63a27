//! `mock-portal`: the portal API and the page server, on two origins.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::Parser;
use mock_portal::portal::{Portal, Settings};
use mock_portal::{api_router, pages, seed};
use tokio::net::TcpListener;

/// A mock of the portal: the activity API on one origin, the built page on another.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Port of the API origin (0: any free port).
    #[arg(long, default_value_t = 8081)]
    api_port: u16,
    /// Port of the page origin (0: any free port).
    #[arg(long, default_value_t = 8080)]
    pages_port: u16,
    /// The built page to serve (trunk's output).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Folders of example hosts, each subfolder served at /examples/NAME/ (repeatable).
    #[arg(long)]
    examples: Vec<PathBuf>,
    /// More page origins allowed to read with credentials (besides the page origin).
    #[arg(long = "page-origin")]
    page_origins: Vec<String>,
    /// Milliseconds added to every activity answer. A real portal takes
    /// time to answer, so the mock does too by default; 0 answers at once.
    #[arg(long, default_value_t = 80)]
    latency_ms: u64,
    /// Share of activity requests answered 503, from 0 to 1.
    #[arg(long, default_value_t = 0.0)]
    failure_rate: f64,
    /// Serve the test controls under /__control.
    #[arg(long)]
    controls: bool,
    /// Send avatars with `Access-Control-Allow-Origin: *` (most image hosts
    /// send no CORS headers, and neither does the mock without this).
    #[arg(long)]
    avatar_cors: bool,
    /// Serve the pages with the strict Content-Security-Policy of the README.
    #[arg(long)]
    csp: bool,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let api = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.api_port))).await?;
    let pages = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.pages_port))).await?;
    // "localhost" on both: one site, two origins, as portal.7331.org and portal-api.7331.org.
    let api_origin = format!("http://localhost:{}", api.local_addr()?.port());
    let pages_origin = format!("http://localhost:{}", pages.local_addr()?.port());
    let mut page_origins = vec![pages_origin.clone()];
    page_origins.extend(args.page_origins);
    let portal = Portal::new(Settings {
        api_origin: api_origin.clone(),
        page_origins,
        latency_ms: args.latency_ms,
        failure_rate: args.failure_rate.clamp(0.0, 1.0),
        controls: args.controls,
        avatar_cors: args.avatar_cors,
        seeded_at: chrono::Utc::now(),
    });
    print_urls(&api_origin, &pages_origin);
    let api_server = axum::serve(api, api_router(portal));
    let page_server = axum::serve(
        pages,
        pages::router(
            &args.dist,
            &args.examples,
            &api_origin,
            args.csp.then(|| pages::strict_csp(&api_origin)).as_deref(),
        ),
    );
    tokio::select! {
        result = api_server => result,
        result = page_server => result,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

fn print_urls(api_origin: &str, pages_origin: &str) {
    let as_user = |user: &str, chat: u64| {
        let mut url = form_urlencoded::Serializer::for_suffix(
            format!("{api_origin}/sign-in?"),
            api_origin.len() + 9,
        );
        url.append_pair("user", user);
        url.append_pair("return_to", &format!("{pages_origin}/?chat_id={chat}"));
        url.finish()
    };
    println!("mock-portal ready: api={api_origin} pages={pages_origin}");
    println!();
    println!("Open one of these (each signs in, then shows the page):");
    println!(
        "  owner {} of 'Rust Beginners':   {}",
        seed::OWNER,
        as_user(seed::OWNER, seed::PUBLIC_CHAT)
    );
    println!(
        "  moderator {} (may read):         {}",
        seed::MODERATOR,
        as_user(seed::MODERATOR, seed::PUBLIC_CHAT)
    );
    println!(
        "  moderator {} on a private chat:  {}  (403: shows nothing)",
        seed::MODERATOR,
        as_user(seed::MODERATOR, seed::PRIVATE_CHAT)
    );
    println!(
        "  owner, empty chat:               {}",
        as_user(seed::OWNER, seed::EMPTY_CHAT)
    );
    println!(
        "  owner, 10,000 events:            {}",
        as_user(seed::OWNER, seed::LARGE_CHAT)
    );
    println!("  choose who you are:              {api_origin}/sign-in");
}
