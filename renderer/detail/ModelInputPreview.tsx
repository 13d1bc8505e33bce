import { useState } from 'react';
import { useModelInputPreview } from '../api';
import { formatBytes } from '../components/format';

/** Exactly what would leave the machine for this image, loaded only when opened. */
export function ModelInputPreview({ hash }: { hash: string }) {
  const [open, setOpen] = useState(false);
  const preview = useModelInputPreview(hash, open);
  const data = preview.data;
  return (
    <details className="model-input" data-testid="model-input" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>What is sent</summary>
      {preview.isLoading && <p className="muted small">Rendering what would be sent…</p>}
      {preview.error && <p className="error-text small">{preview.error.message}</p>}
      {data && (
        <>
          <p className="small">
            Plan: <strong>{data.plan}</strong> · ≈ {data.estimatedInputTokens.toLocaleString()} image tokens
          </p>
          {data.skipReason && <p className="small warning-text">Not sent: {data.skipReason}</p>}
          <ul className="model-input-images">
            {data.images.map((image, i) => (
              <li key={i}>
                <img src={image.dataUrl} alt={image.role} data-testid="model-input-image" />
                <span className="small">{image.role}</span>
                <span className="small muted">
                  {image.width}×{image.height}px · {formatBytes(image.bytes)}
                </span>
              </li>
            ))}
          </ul>
          <pre className="model-input-prompt" data-testid="model-input-prompt">
            {data.prompt}
          </pre>
        </>
      )}
    </details>
  );
}
