//! The standalone page's entry point (the binary Trunk builds).

fn main() {
    chat_activity::standalone::start();
}
