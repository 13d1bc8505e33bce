import { useState } from 'react';
import type { Campaign, Concept } from '../../shared/model';
import { useTransport } from '../api';
import { THEME_LABELS } from './ad-labels';
import { ConceptForm } from './ConceptForm';

/** One concept: its theme, the prompts sent to a model (or steering the local compositor) and its palette. */
export function ConceptCard({ campaign, concept }: { campaign: Campaign; concept: Concept }) {
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  return (
    <li className="ads-concept" data-testid="concept" data-theme={concept.theme}>
      <header className="ads-concept-header">
        <strong>{THEME_LABELS[concept.theme]}</strong>
        <span className="chips" role="img" aria-label={`Palette: ${concept.palette.join(', ') || 'none'}`}>
          {concept.palette.map((hex) => (
            <span key={hex} className="swatch large" style={{ background: hex }} title={hex} />
          ))}
        </span>
        {concept.patternHash && (
          <img
            className="ads-pattern-thumb"
            src={transport.mediaUrl('thumb', concept.patternHash)}
            alt="The library pattern used as background"
          />
        )}
        <span className="toolbar-spacer" />
        {!editing && (
          <button
            type="button"
            className="compact"
            onClick={() => setEditing(true)}
            aria-label={`Edit the ${THEME_LABELS[concept.theme]} concept`}
          >
            Edit
          </button>
        )}
      </header>
      {editing ? (
        <ConceptForm campaign={campaign} concept={concept} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className="ads-prompt">{concept.prompt}</p>
          {concept.negativePrompt && <p className="small muted">Avoid: {concept.negativePrompt}</p>}
        </>
      )}
    </li>
  );
}
