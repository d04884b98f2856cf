//! What an instance keeps in memory between requests: rendered public pages, image renditions
//! and login attempts. The application state owns them; the HTTP layer fills and reads them,
//! and a change in the back-office or a scheduled job empties them.

pub mod attempts;
pub mod media;
pub mod pages;
