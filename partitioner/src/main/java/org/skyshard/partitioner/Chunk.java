package org.skyshard.partitioner;

/** One pixel of a {@link PixelMap}: its chunk number, pixel, and the director rows counted in it. */
public record Chunk(int number, Pixel pixel, long rows) {
}
