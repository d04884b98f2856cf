//! Métiers du Numérique: the State's portal for digital jobs.
//!
//! Domain modules (`tenants`, `accounts`, `offers`, `stories`) hold the rules and queries as
//! plain async functions over the database; `web` holds HTTP only.

pub mod accounts;
pub mod alerts;
pub mod analytics;
pub mod app;
pub mod applications;
pub mod audit;
pub mod caches;
pub mod candidates;
pub mod cli;
pub mod codes;
pub mod config;
pub mod content;
pub mod db;
pub mod demo;
pub mod entities;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod integration;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod media;
pub mod moderation;
pub mod net;
pub mod offers;
pub mod personal_data;
pub mod regions;
pub mod render;
pub mod search;
pub mod slug;
pub mod statistics;
pub mod stories;
pub mod talents;
pub mod tenants;
pub mod text;
pub mod web;
