//! Photos taken in: every imported photo is decoded, turned upright (its
//! EXIF orientation applied), shrunk to at most [`MAX_SIDE`] pixels on its
//! long side and encoded again as JPEG **without any metadata** (no EXIF:
//! no GPS position, no camera, no date; no ICC profile, no comment). A
//! thumbnail of at most [`THUMB_SIDE`] pixels is made at the same time, so
//! that item cards never need the full photo.
//!
//! Hostile or broken input is refused with a [`PhotoError`] naming the file:
//! a file over [`MAX_FILE_BYTES`], not an image, HEIC (no well-kept pure-Rust
//! decoder exists), damaged or truncated, or over [`MAX_INPUT_SIDE`] /
//! [`MAX_DECODE_BYTES`] (a decompression bomb announces huge dimensions in
//! a few bytes: the limits are checked on the header, before any pixel is
//! decoded).
//!
//! Everything here is plain computation on bytes (a few hundred
//! milliseconds for a phone photo): the window calls it on a background
//! thread. No egui, no store.

use std::io::{Cursor, Read as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use image::{DynamicImage, ImageDecoder as _, ImageFormat, ImageReader, Limits, RgbImage};

use crate::model::{PhotoId, PhotoRef};

/// The largest file accepted as a photo (50 MiB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The largest width or height accepted on input, in pixels.
pub const MAX_INPUT_SIDE: u32 = 16_384;
/// The most memory a decoder may use (384 MiB: about 100 megapixels of RGB).
pub const MAX_DECODE_BYTES: u64 = 384 * 1024 * 1024;
/// The long side of a stored photo, at most, in pixels.
pub const MAX_SIDE: u32 = 2000;
/// The long side of a thumbnail, at most, in pixels.
pub const THUMB_SIDE: u32 = 320;
/// The JPEG quality of stored photos and thumbnails.
pub const JPEG_QUALITY: u8 = 85;

/// A photo that could not be taken in or read.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: {bytes} bytes, more than the {max} accepted for a photo")]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// Not an image Vigie reads (JPEG, PNG or WebP).
    #[error("{path}: not an image Vigie can read (it takes JPEG, PNG and WebP photos)")]
    NotAnImage {
        /// The file.
        path: PathBuf,
    },
    /// A stored photo (from a handover or a backup) that is not a JPEG:
    /// Vigie stores every photo as JPEG.
    #[error("{path}: not a photo as Vigie stores them (a JPEG); refused")]
    NotStored {
        /// The photo.
        path: PathBuf,
    },
    /// A HEIC/HEIF photo (iPhone): not supported.
    #[error(
        "{path}: HEIC photos are not supported; convert it to JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible, or share it as JPEG)"
    )]
    Heic {
        /// The file.
        path: PathBuf,
    },
    /// The image is damaged or truncated.
    #[error("{path}: damaged or incomplete image ({message})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        message: String,
    },
    /// The image is too large to decode safely (huge dimensions, or a
    /// decompression bomb).
    #[error("{path}: image too large ({width} × {height} pixels)")]
    TooManyPixels {
        /// The file.
        path: PathBuf,
        /// Its width, as announced.
        width: u32,
        /// Its height, as announced.
        height: u32,
    },
    /// The photo could not be encoded (should not happen).
    #[error("{path}: cannot encode the photo ({message})")]
    Encode {
        /// The file.
        path: PathBuf,
        /// What the encoder said.
        message: String,
    },
}

/// A photo ready to store: the photo and its thumbnail, both JPEG without
/// metadata.
#[derive(Clone)]
pub struct Prepared {
    /// The photo (JPEG, at most [`MAX_SIDE`] pixels on its long side).
    pub photo: Vec<u8>,
    /// The thumbnail (JPEG, at most [`THUMB_SIDE`] pixels).
    pub thumbnail: Vec<u8>,
    /// The photo's width, in pixels.
    pub width: u32,
    /// The photo's height, in pixels.
    pub height: u32,
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("photo_bytes", &self.photo.len())
            .field("thumbnail_bytes", &self.thumbnail.len())
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

impl Prepared {
    /// What the dossier records of this photo, under a new random id.
    #[must_use]
    pub fn photo_ref(&self, caption: &str, now: DateTime<Utc>) -> PhotoRef {
        PhotoRef {
            id: PhotoId::random(),
            caption: caption.to_owned(),
            width: self.width,
            height: self.height,
            added: now,
        }
    }
}

/// Decoded pixels: RGBA, 8 bits per channel, rows top to bottom (what the
/// window turns into a texture).
#[derive(Clone, PartialEq, Eq)]
pub struct Pixels {
    /// `width × height × 4` bytes.
    pub rgba: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl std::fmt::Debug for Pixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pixels({} × {})", self.width, self.height)
    }
}

/// Reads a photo file and prepares it ([`prepare_bytes`]).
pub fn prepare_file(path: &Path) -> Result<Prepared, PhotoError> {
    let bytes = read_capped(path)?;
    prepare_bytes(&bytes, path)
}

/// Reads a file of at most [`MAX_FILE_BYTES`].
fn read_capped(path: &Path) -> Result<Vec<u8>, PhotoError> {
    let read_error = |source| PhotoError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let len = file.metadata().map_err(read_error)?.len();
    if len > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            path: path.to_owned(),
            bytes: len,
            max: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Prepares a photo from a file's bytes (`path` names it in errors):
/// decoded within limits, turned upright, shrunk, encoded again without
/// metadata, with its thumbnail.
pub fn prepare_bytes(bytes: &[u8], path: &Path) -> Result<Prepared, PhotoError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    let format = input_format(bytes, path)?;
    let image = decode(bytes, format, path, true)?;
    let image = if image.width().max(image.height()) > MAX_SIDE {
        image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    let rgb = flatten(&image);
    let thumbnail = if rgb.width().max(rgb.height()) > THUMB_SIDE {
        DynamicImage::ImageRgb8(rgb.clone())
            .thumbnail(THUMB_SIDE, THUMB_SIDE)
            .to_rgb8()
    } else {
        rgb.clone()
    };
    Ok(Prepared {
        photo: encode_jpeg(&rgb, path)?,
        thumbnail: encode_jpeg(&thumbnail, path)?,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// Decodes a stored photo or thumbnail (or any accepted image) into RGBA
/// pixels, within the same limits as an import. For the window's
/// background thread.
pub fn decode_rgba(bytes: &[u8], path: &Path) -> Result<Pixels, PhotoError> {
    let format = input_format(bytes, path)?;
    let image = decode(bytes, format, path, false)?.to_rgba8();
    Ok(Pixels {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}

/// Checks, from its header only, that `bytes` are a JPEG no larger than
/// `max_side` on either side: what a stored photo must be. Used on the
/// photos of a handover file before they are written.
pub fn check_stored_jpeg(bytes: &[u8], max_side: u32, path: &Path) -> Result<(u32, u32), PhotoError> {
    if image::guess_format(bytes).ok() != Some(ImageFormat::Jpeg) {
        return Err(PhotoError::NotAnImage {
            path: path.to_owned(),
        });
    }
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(ImageFormat::Jpeg);
    let (width, height) = reader.into_dimensions().map_err(|e| PhotoError::Damaged {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    if width == 0 || height == 0 || width.max(height) > max_side {
        return Err(PhotoError::TooManyPixels {
            path: path.to_owned(),
            width,
            height,
        });
    }
    Ok((width, height))
}

/// Takes in a stored photo or thumbnail that comes from someone else (a
/// handover, a restored backup): it must be a JPEG no larger than
/// `max_side` on either side that decodes whole, within the same limits as
/// an import. What is kept is its image alone: every metadata segment
/// (EXIF with its GPS position and camera, XMP, ICC profiles, comments,
/// any application segment) and anything after the end of the image are
/// dropped, the image data itself is kept as it is (no loss from encoding
/// it again), and the result is decoded once more before it is returned.
/// `path` names the photo in errors.
pub fn sanitize_stored(bytes: &[u8], max_side: u32, path: &Path) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(PhotoError::FileTooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    if image::guess_format(bytes).ok() != Some(ImageFormat::Jpeg) {
        return Err(PhotoError::NotStored {
            path: path.to_owned(),
        });
    }
    let stripped = strip_jpeg(bytes).ok_or_else(|| PhotoError::Damaged {
        path: path.to_owned(),
        message: "its structure is broken".to_owned(),
    })?;
    let (width, height) = check_stored_jpeg(&stripped, max_side, path)?;
    let image = decode(&stripped, ImageFormat::Jpeg, path, false)?;
    if (image.width(), image.height()) != (width, height) {
        return Err(PhotoError::Damaged {
            path: path.to_owned(),
            message: "its size does not match its header".to_owned(),
        });
    }
    Ok(stripped)
}

/// A JPEG's segments without metadata: the start marker, the tables, the
/// frame and the scans up to the end marker; application segments
/// (`APP0`–`APP15`) and comments are left out, and so is anything after
/// the end marker. `None` when the structure is broken.
fn strip_jpeg(b: &[u8]) -> Option<Vec<u8>> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut i = 2;
    loop {
        if b.get(i) != Some(&0xFF) {
            return None;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let code = *b.get(i)?;
        i += 1;
        match code {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD8 => return None,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]));
        if len < 2 || i + len > b.len() {
            return None;
        }
        let segment_end = i + len;
        // A bare JFIF header (version, density, no thumbnail) holds nothing
        // about the photo and is what Vigie writes: kept, so that a photo
        // handed over stays byte for byte the one that was stored.
        let bare_jfif = code == 0xE0
            && len == 16
            && b.get(i + 2..i + 7) == Some(b"JFIF\0")
            && b.get(i + 14..i + 16) == Some(&[0, 0]);
        let metadata = matches!(code, 0xE0..=0xEF | 0xFE) && !bare_jfif;
        if code == 0xDA {
            // The scan's header, then its entropy-coded data up to the next
            // marker (stuffed bytes and restart markers are part of it).
            let mut j = segment_end;
            loop {
                match (b.get(j), b.get(j + 1)) {
                    (Some(0xFF), Some(0x00 | 0xD0..=0xD7)) => j += 2,
                    (Some(0xFF), Some(0xFF)) => j += 1,
                    (Some(0xFF), Some(_)) => break,
                    (Some(_), _) => j += 1,
                    (None, _) => return None,
                }
            }
            out.extend_from_slice(&[0xFF, code]);
            out.extend_from_slice(b.get(i..j)?);
            i = j;
        } else {
            if !metadata {
                out.extend_from_slice(&[0xFF, code]);
                out.extend_from_slice(b.get(i..segment_end)?);
            }
            i = segment_end;
        }
    }
}

/// The format of an accepted image, or why it is refused.
fn input_format(bytes: &[u8], path: &Path) -> Result<ImageFormat, PhotoError> {
    if is_heif(bytes) {
        return Err(PhotoError::Heic {
            path: path.to_owned(),
        });
    }
    match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        _ => Err(PhotoError::NotAnImage {
            path: path.to_owned(),
        }),
    }
}

/// Whether the bytes are a HEIF container holding HEIC (an `ftyp` box with
/// a HEIF brand).
fn is_heif(bytes: &[u8]) -> bool {
    const BRANDS: [&[u8]; 10] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
    ];
    bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && BRANDS.contains(&&bytes[8..12])
}

/// Decodes within the limits; `upright` applies the EXIF orientation.
fn decode(bytes: &[u8], format: ImageFormat, path: &Path, upright: bool) -> Result<DynamicImage, PhotoError> {
    let damaged = |e: image::ImageError| PhotoError::Damaged {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(format);
    // The header first: dimensions are checked before any allocation.
    let (width, height) = {
        let mut header = ImageReader::new(Cursor::new(bytes));
        header.set_format(format);
        header.into_dimensions().map_err(damaged)?
    };
    let too_large = || PhotoError::TooManyPixels {
        path: path.to_owned(),
        width,
        height,
    };
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged {
            path: path.to_owned(),
            message: "empty image".to_owned(),
        });
    }
    if width > MAX_INPUT_SIDE
        || height > MAX_INPUT_SIDE
        || u64::from(width) * u64::from(height) * 4 > MAX_DECODE_BYTES
    {
        return Err(too_large());
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_INPUT_SIDE);
    limits.max_image_height = Some(MAX_INPUT_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(),
        other => damaged(other),
    })?;
    let orientation = if upright {
        decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms)
    } else {
        image::metadata::Orientation::NoTransforms
    };
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(),
        other => damaged(other),
    })?;
    if format == ImageFormat::Jpeg && !has_end_marker(bytes) {
        // A truncated JPEG decodes to a grey bottom without an error.
        return Err(PhotoError::Damaged {
            path: path.to_owned(),
            message: "the file ends before the image does".to_owned(),
        });
    }
    image.apply_orientation(orientation);
    Ok(image)
}

/// Whether a JPEG reaches its end-of-image marker: its segments are walked
/// (an embedded EXIF thumbnail has an end marker of its own, inside a
/// segment), then its scans, up to `FF D9`. A file cut short does not.
/// Data appended after the image (some phones add a second picture) is
/// allowed.
fn has_end_marker(b: &[u8]) -> bool {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        // A marker: one or more 0xFF, then its code.
        if b.get(i) != Some(&0xFF) {
            return false;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&code) = b.get(i) else {
            return false;
        };
        i += 1;
        match code {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let (Some(&hi), Some(&lo)) = (b.get(i), b.get(i + 1)) else {
            return false;
        };
        let len = usize::from(u16::from_be_bytes([hi, lo]));
        if len < 2 || i + len > b.len() {
            return false;
        }
        i += len;
        if code == 0xDA {
            // Entropy-coded data, up to the next marker.
            loop {
                match (b.get(i), b.get(i + 1)) {
                    (Some(0xFF), Some(0x00 | 0xD0..=0xD7)) => i += 2,
                    (Some(0xFF), Some(0xFF)) => i += 1,
                    (Some(0xFF), Some(_)) => break,
                    (Some(_), _) => i += 1,
                    (None, _) => return false,
                }
            }
        }
    }
}

/// The image as 8-bit RGB; transparency is laid over white.
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = px.0;
        let a = u16::from(a);
        let over = |c: u8| u8::try_from((u16::from(c) * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX);
        out.0 = [over(r), over(g), over(b)];
    }
    rgb
}

/// Encodes as baseline JPEG at [`JPEG_QUALITY`]: a JFIF header and the
/// pixels, nothing else.
fn encode_jpeg(rgb: &RgbImage, path: &Path) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(rgb)
        .map_err(|e| PhotoError::Encode {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    Ok(out)
}
