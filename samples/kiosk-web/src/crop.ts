import type { ImageCrop, SessionImageResponse } from "@studioapi/client";

/** The image's width and height as shown: after its EXIF orientation (5–8 turn it a quarter) and its proofing rotation. */
export function uprightSize(image: SessionImageResponse): { width: number; height: number } {
  const quarterTurns = (image.orientation !== null && image.orientation >= 5 ? 1 : 0) + (image.rotation === 90 || image.rotation === 270 ? 1 : 0);
  return quarterTurns % 2 === 1 ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
}

/**
 * The largest centred crop of print ratio `ratio` (width:height, e.g. "4:5" for an 8x10), as fractions of the upright
 * image, in the image's own orientation: a landscape photo gets a 5:4 crop, a portrait one a 4:5 crop (the API accepts
 * either orientation of the ratio).
 */
export function centredCrop(image: SessionImageResponse, ratio: string): ImageCrop {
  const [a, b] = ratio.split(":").map(Number) as [number, number];
  const { width, height } = uprightSize(image);
  const shape = width >= height ? Math.max(a, b) / Math.min(a, b) : Math.min(a, b) / Math.max(a, b);
  if (width / height > shape) {
    const w = (height * shape) / width;
    return { x: (1 - w) / 2, y: 0, width: w, height: 1, aspectRatio: ratio };
  }
  const h = width / shape / height;
  return { x: 0, y: (1 - h) / 2, width: 1, height: h, aspectRatio: ratio };
}
