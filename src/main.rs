//! The browser entry point: mount the app.

fn main() {
    mission_pages::start();
}
