//! Every integration test, in one binary: one link, and each file a module. `support` holds
//! what they share (the application on loopback, the test servers, fixtures).

#[macro_use]
mod support;

mod accessibility;
mod alerts;
mod api;
mod applications;
mod auth;
mod backoffice;
mod cli;
mod crawl;
mod fuzz;
mod isolation;
mod jobs;
mod journey;
mod mail;
mod media;
mod moderation;
mod portal;
mod proconnect;
mod search;
mod security;
mod smtp_server;
mod snapshots;
mod statistics;
mod storage;
mod talents;
