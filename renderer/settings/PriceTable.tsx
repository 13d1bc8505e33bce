import { useState, type FormEvent } from 'react';
import type { ModelPrice } from '../../shared/model';
import { useSettingCommit } from './use-setting-commit';

interface PriceRow {
  id: string;
  input: string;
  output: string;
  /** Image models only; empty for text models. */
  image: string;
}

const toRows = (prices: Record<string, ModelPrice>): PriceRow[] =>
  Object.entries(prices)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, p]) => ({
      id,
      input: String(p.inputPerMTok),
      output: String(p.outputPerMTok),
      image: p.perImage === undefined ? '' : String(p.perImage),
    }));

const EMPTY_ROW: PriceRow = { id: '', input: '', output: '', image: '' };

/** An empty cell is NaN, not 0 (Number('') is 0): the schema then refuses it with a message. */
const price = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** US dollars per million tokens for each model, edited as a table and saved together. */
export function PriceTable({ prices }: { prices: Record<string, ModelPrice> }) {
  const { commit, error, status } = useSettingCommit('prices');
  const [rows, setRows] = useState(() => toRows(prices));
  const [added, setAdded] = useState<PriceRow>(EMPTY_ROW);
  const savedKey = JSON.stringify(prices);
  const [shownKey, setShownKey] = useState(savedKey);
  if (shownKey !== savedKey) {
    setShownKey(savedKey);
    setRows(toRows(prices));
  }
  const dirty = JSON.stringify(rows) !== JSON.stringify(toRows(prices));
  const edit = (index: number, change: Partial<PriceRow>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!added.id.trim()) return;
    setRows((all) => [...all.filter((row) => row.id !== added.id.trim()), { ...added, id: added.id.trim() }]);
    setAdded(EMPTY_ROW);
  };
  const save = () =>
    commit(
      Object.fromEntries(
        rows.map((row) => [
          row.id,
          {
            inputPerMTok: price(row.input),
            outputPerMTok: price(row.output),
            ...(row.image.trim() ? { perImage: price(row.image) } : {}),
          },
        ]),
      ),
    );

  return (
    <div className="price-table" data-testid="price-table">
      <table>
        <thead>
          <tr>
            <th scope="col">Model id</th>
            <th scope="col">Input $/M tokens</th>
            <th scope="col">Output $/M tokens</th>
            <th scope="col">$/image</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id}>
              <td>
                <code>{row.id}</code>
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={`Input price for ${row.id}`}
                  value={row.input}
                  onChange={(e) => edit(i, { input: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={`Output price for ${row.id}`}
                  value={row.output}
                  onChange={(e) => edit(i, { output: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={`Price per image for ${row.id}`}
                  value={row.image}
                  placeholder="—"
                  onChange={(e) => edit(i, { image: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove the price of ${row.id}`}
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add}>
        <input
          type="text"
          aria-label="New model id"
          placeholder="Model id"
          value={added.id}
          onChange={(e) => setAdded({ ...added, id: e.target.value })}
          spellCheck={false}
        />
        <input
          type="number"
          min={0}
          step="any"
          aria-label="New input price"
          placeholder="Input"
          value={added.input}
          onChange={(e) => setAdded({ ...added, input: e.target.value })}
        />
        <input
          type="number"
          min={0}
          step="any"
          aria-label="New output price"
          placeholder="Output"
          value={added.output}
          onChange={(e) => setAdded({ ...added, output: e.target.value })}
        />
        <input
          type="number"
          min={0}
          step="any"
          aria-label="New price per image"
          placeholder="Per image"
          value={added.image}
          onChange={(e) => setAdded({ ...added, image: e.target.value })}
        />
        <button type="submit" disabled={!added.id.trim()}>
          Add row
        </button>
      </form>
      <div className="inline-form">
        <button type="button" className="primary" disabled={!dirty} onClick={save}>
          Save prices
        </button>
        {dirty && (
          <button type="button" onClick={() => setRows(toRows(prices))}>
            Discard changes
          </button>
        )}
        {status && !dirty && (
          <span className="small muted" role="status">
            {status}
          </span>
        )}
      </div>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
