/** A decoded 8-bit sRGB image in memory, alpha already flattened: the analyzers' input. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
}
