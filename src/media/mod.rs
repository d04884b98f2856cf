//! Media: images and files of the ministries (logos, story photos, offer illustrations), kept
//! in a [`storage::Storage`].

pub mod storage;
