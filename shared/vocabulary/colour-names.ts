/**
 * The fixed colour vocabulary: the eleven basic colour terms plus common design names.
 * Palette colours are named by the nearest entry (CIEDE2000); the hex here is the
 * reference swatch shown in the UI's colour facet.
 */
export const COLOUR_NAMES = [
  { name: 'black', hex: '#000000' },
  { name: 'charcoal', hex: '#36454f' },
  { name: 'grey', hex: '#808080' },
  { name: 'silver', hex: '#c0c0c0' },
  { name: 'white', hex: '#ffffff' },
  { name: 'cream', hex: '#fffdd0' },
  { name: 'beige', hex: '#d8c8a8' },
  { name: 'tan', hex: '#c09a6b' },
  { name: 'brown', hex: '#7b4a24' },
  { name: 'chocolate', hex: '#3f2416' },
  { name: 'red', hex: '#d21f1f' },
  { name: 'burgundy', hex: '#800020' },
  { name: 'coral', hex: '#ff7f50' },
  { name: 'pink', hex: '#f4a6c0' },
  { name: 'magenta', hex: '#d4189c' },
  { name: 'orange', hex: '#f57c00' },
  { name: 'rust', hex: '#b7410e' },
  { name: 'mustard', hex: '#e1ad01' },
  { name: 'yellow', hex: '#f7e11e' },
  { name: 'olive', hex: '#708238' },
  { name: 'green', hex: '#2e9e3e' },
  { name: 'lime', hex: '#9ad43a' },
  { name: 'mint', hex: '#a8e6cf' },
  { name: 'sage', hex: '#9caf88' },
  { name: 'forest', hex: '#1f4d2b' },
  { name: 'teal', hex: '#008080' },
  { name: 'turquoise', hex: '#30d5c8' },
  { name: 'sky blue', hex: '#87ceeb' },
  { name: 'blue', hex: '#1f5fd2' },
  { name: 'cobalt', hex: '#0047ab' },
  { name: 'navy', hex: '#1b2a4a' },
  { name: 'lavender', hex: '#b9a7e0' },
  { name: 'purple', hex: '#6a2c91' },
  { name: 'plum', hex: '#5e2750' },
] as const;

export type ColourName = (typeof COLOUR_NAMES)[number]['name'];
