/** The local analyzer's answers carry this prefix; everything else came from a model. */
export const LOCAL_PREFIX = 'local@';

/**
 * A short name for a model id: "us.anthropic.claude-3-haiku-20240307-v1:0" reads as
 * "claude-3-haiku". The full id stays available as a tooltip wherever this is shown.
 */
export function modelLabel(modelId: string): string {
  if (modelId.startsWith(LOCAL_PREFIX)) return 'Local analyzer';
  const name = modelId.split('/').pop() ?? modelId;
  return name
    .replace(/^(us|eu|apac|us-gov|global)\./, '')
    .replace(/^[a-z0-9-]+\./, '')
    .replace(/-\d{8}(-v\d+(:\d+)?)?$/, '')
    .replace(/-v\d+(:\d+)?$/, '');
}
