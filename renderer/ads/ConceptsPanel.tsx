import { useState } from 'react';
import type { Campaign, Theme } from '../../shared/model';
import { useApiMutation } from '../api';
import { ConceptCard } from './ConceptCard';
import { ThemeChoices } from './ThemeChoices';

/** The concepts variants are made from, and a way to write them afresh from themes. */
export function ConceptsPanel({ campaign }: { campaign: Campaign }) {
  const [themes, setThemes] = useState<Theme[]>(() => [...new Set(campaign.concepts.map((c) => c.theme))]);
  const rebuild = useApiMutation('rebuildConcepts');
  return (
    <section className="settings-section" aria-labelledby="concepts-title" data-testid="concepts-panel">
      <h2 id="concepts-title">Concepts and prompts</h2>
      {campaign.concepts.length === 0 && <p className="muted">No concepts: rebuild them from themes below.</p>}
      <ul className="ads-concepts">
        {campaign.concepts.map((concept) => (
          <ConceptCard key={concept.id} campaign={campaign} concept={concept} />
        ))}
      </ul>
      <details className="ads-details">
        <summary>Rebuild from themes…</summary>
        <ThemeChoices themes={themes} onChange={setThemes} legend="Themes to write concepts for" />
        <p className="small muted">
          Rebuilding replaces the concepts above, edits included, using the product’s current features and notes.
        </p>
        <button
          type="button"
          disabled={themes.length === 0 || rebuild.isPending}
          onClick={() => rebuild.mutate({ id: campaign.id, themes })}
        >
          Rebuild from themes
        </button>
        {rebuild.error && (
          <p className="error-text small" role="alert">
            Could not rebuild: {rebuild.error.message}
          </p>
        )}
      </details>
    </section>
  );
}
