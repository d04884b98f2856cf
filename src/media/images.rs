//! Uploaded images, checked by their content and made anew: the type comes from the file's
//! first bytes (never its name or declared type), the picture is decoded within limits (a
//! decompression bomb or a malformed file is refused), turned upright, and re-encoded at the
//! widths the theme uses, in WebP with a JPEG (or PNG, when transparent) fallback. Re-encoding
//! drops everything but the pixels: EXIF and GPS data, and whatever a polyglot file carried.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, imageops::FilterType};

use crate::error::{AppError, AppResult, Reason};

/// The widths an image is stored at, at most; an image narrower than one is kept at its own.
pub const WIDTHS: [u32; 3] = [400, 800, 1600];
/// The largest picture decoded, in pixels per side.
const MAX_SIDE: u32 = 12_000;
/// The largest picture decoded, in pixels (a 48-megapixel phone photo passes).
const MAX_PIXELS: u64 = 50_000_000;
/// The most memory a decoded picture may take, checked from its header before decoding.
const MAX_DECODE_BYTES: u64 = 160 * 1024 * 1024;
/// How many pictures are processed at once on this instance: each may take a few hundred
/// megabytes and seconds of CPU, so more would only queue on the cores.
const CONCURRENT_PROCESSING: usize = 2;

static PROCESSING: tokio::sync::Semaphore =
    tokio::sync::Semaphore::const_new(CONCURRENT_PROCESSING);

/// [`process`] on a blocking thread, one of at most [`CONCURRENT_PROCESSING`] at a time.
pub async fn process_off_thread(bytes: Vec<u8>, max_bytes: usize) -> AppResult<Processed> {
    let turn = PROCESSING
        .acquire()
        .await
        .map_err(|e| AppError::ImageProcessing(format!("closed: {e}")))?;
    // The turn goes with the work: it is given back when the work ends, not when a client
    // that went away drops the request.
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        process(&bytes, max_bytes)
    })
    .await
    .map_err(|e| AppError::ImageProcessing(format!("stopped: {e}")))?
}
/// Lossy WebP quality (0–100).
const WEBP_QUALITY: f32 = 80.0;
/// JPEG quality (1–100).
const JPEG_QUALITY: u8 = 85;

/// The formats an upload may be.
const ACCEPTED: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];

/// The format of an image's fallback rendition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    Jpeg,
    /// For pictures with transparency (logos).
    Png,
}

impl Fallback {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    pub fn from_mime(mime: &str) -> Self {
        if mime == "image/png" {
            Self::Png
        } else {
            Self::Jpeg
        }
    }
}

/// One width of an image, in both formats.
pub struct Rendition {
    pub width: u32,
    pub webp: Vec<u8>,
    pub fallback: Vec<u8>,
}

/// An image made anew from an upload.
pub struct Processed {
    /// The size of the largest rendition.
    pub width: u32,
    pub height: u32,
    pub fallback: Fallback,
    /// Narrowest first.
    pub renditions: Vec<Rendition>,
}

/// The widths an image `width` pixels wide is stored at, narrowest first.
pub fn widths(width: u32) -> Vec<u32> {
    let largest = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < largest).collect();
    widths.push(largest);
    widths
}

/// A refused upload: field `file`, for `reason` (message `form-error-file-REASON`).
fn refused(reason: Reason) -> AppError {
    AppError::invalid("file", reason)
}

/// Checks and re-encodes an uploaded image of at most `max_bytes`. CPU-bound: run it off the
/// async threads.
pub fn process(bytes: &[u8], max_bytes: usize) -> AppResult<Processed> {
    if bytes.is_empty() {
        return Err(refused(Reason::Empty));
    }
    if bytes.len() > max_bytes {
        return Err(refused(Reason::TooLarge));
    }
    let format = image::guess_format(bytes).map_err(|_| refused(Reason::NotAnImage))?;
    if !ACCEPTED.contains(&format) {
        return Err(refused(Reason::NotAnImage));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let unreadable = |error: image::ImageError| match error {
        image::ImageError::Limits(_) => refused(Reason::TooManyPixels),
        _ => refused(Reason::Unreadable),
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODE_BYTES
    {
        return Err(refused(Reason::TooManyPixels));
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    if picture.width() == 0 || picture.height() == 0 {
        return Err(refused(Reason::Unreadable));
    }
    let fallback = if picture.color().has_alpha() {
        Fallback::Png
    } else {
        Fallback::Jpeg
    };
    let mut renditions = Vec::new();
    let mut size = (0, 0);
    for width in widths(picture.width()) {
        let resized = if width == picture.width() {
            picture.clone()
        } else {
            let height = (u64::from(picture.height()) * u64::from(width)
                / u64::from(picture.width()))
            .max(1) as u32;
            picture.resize_exact(width, height, FilterType::CatmullRom)
        };
        size = (resized.width(), resized.height());
        renditions.push(Rendition {
            width,
            webp: encode_webp(&resized, fallback)?,
            fallback: encode_fallback(&resized, fallback)?,
        });
    }
    Ok(Processed {
        width: size.0,
        height: size.1,
        fallback,
        renditions,
    })
}

fn encode_webp(picture: &DynamicImage, fallback: Fallback) -> AppResult<Vec<u8>> {
    let encoded = match fallback {
        Fallback::Png => {
            let rgba = picture.to_rgba8();
            webp::Encoder::from_rgba(&rgba, rgba.width(), rgba.height()).encode(WEBP_QUALITY)
        }
        Fallback::Jpeg => {
            let rgb = picture.to_rgb8();
            webp::Encoder::from_rgb(&rgb, rgb.width(), rgb.height()).encode(WEBP_QUALITY)
        }
    };
    Ok(encoded.to_vec())
}

fn encode_fallback(picture: &DynamicImage, fallback: Fallback) -> AppResult<Vec<u8>> {
    let mut bytes = Vec::new();
    let written = match fallback {
        Fallback::Png => picture
            .to_rgba8()
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png),
        Fallback::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY);
            picture.to_rgb8().write_with_encoder(encoder)
        }
    };
    written.map_err(|e| AppError::ImageProcessing(format!("encoding: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_kept_at_the_theme_widths_at_most() {
        assert_eq!(widths(300), [300]);
        assert_eq!(widths(400), [400]);
        assert_eq!(widths(1000), [400, 800, 1000]);
        assert_eq!(widths(4000), [400, 800, 1600]);
    }
}
