/** The real scale against the original's pixels: "Fit (37 %)" while fitted, as 1:1 reads 100 %. */
export function zoomLabel(viewScale: number, fitScale: number): string {
  const shown = `${Math.round(viewScale * fitScale * 100)} %`;
  return viewScale === 1 ? `Fit (${shown})` : shown;
}
