//! Pictures drawn for the demo (no photo of anyone is shipped): a round logo in a ministry's
//! accent colour on a transparent background, and soft gradients standing in for portraits.

use std::io::Cursor;

use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb, Rgba};

/// `#rrggbb` as red, green and blue; the State's blue when it is not one.
fn rgb(color: &str) -> [u8; 3] {
    let channel = |at: usize| {
        color
            .get(at..at + 2)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
    };
    match (channel(1), channel(3), channel(5)) {
        (Some(r), Some(g), Some(b)) => [r, g, b],
        _ => [0, 0, 145],
    }
}

fn png(image: DynamicImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .expect("a drawn image encodes");
    bytes
}

/// A 400-pixel round logo with a ring, in `accent`, on transparency (PNG).
pub fn logo(accent: &str) -> Vec<u8> {
    let [r, g, b] = rgb(accent);
    let size = 400.0_f32;
    let image = ImageBuffer::from_fn(400, 400, |x, y| {
        let (dx, dy) = (x as f32 - size / 2.0, y as f32 - size / 2.0);
        let distance = (dx * dx + dy * dy).sqrt();
        match distance {
            d if d < 120.0 => Rgba([r, g, b, 255]),
            d if (150.0..180.0).contains(&d) => Rgba([r, g, b, 200]),
            _ => Rgba([0, 0, 0, 0]),
        }
    });
    png(DynamicImage::ImageRgba8(image))
}

/// An 800 × 600 gradient from `accent` to white, a different angle per `index` (PNG, opaque).
pub fn photo(accent: &str, index: usize) -> Vec<u8> {
    let [r, g, b] = rgb(accent);
    let angle = (index % 4) as f32;
    let image = ImageBuffer::from_fn(800, 600, |x, y| {
        let t = ((x as f32 / 800.0) * (1.0 - angle / 4.0) + (y as f32 / 600.0) * (angle / 4.0))
            .clamp(0.0, 1.0);
        let mix = |c: u8| (f32::from(c) * (1.0 - t) + 255.0 * t) as u8;
        Rgb([mix(r), mix(g), mix(b)])
    });
    png(DynamicImage::ImageRgb8(image))
}
