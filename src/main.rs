//! The built script's entry point (the binary Trunk builds): it registers
//! `<chat-activity>` and, on the standalone page, mounts the page.

fn main() {
    console_error_panic_hook::set_once();
    chat_activity::custom_element::define();
    chat_activity::standalone::start();
}
