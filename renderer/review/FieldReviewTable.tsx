import { Fragment } from 'react';
import { ATTRIBUTE_FIELDS, type ModelAnalysis } from '../../shared/model';
import { formatUsd, percent } from '../components/format';
import { FieldEditor } from './FieldEditor';
import { FieldReviewRow } from './FieldReviewRow';
import { LOCAL_PREFIX, modelLabel } from './model-label';
import type { ReviewColumn, ReviewSession } from './use-review-session';

function AnswerHeading({ analysis, role, active }: { analysis: ModelAnalysis; role: string; active: boolean }) {
  return (
    <>
      <span className="small muted">{role}</span>
      {active && <span className="badge">active</span>}
      <div title={analysis.modelId} data-testid="review-column-model">
        {modelLabel(analysis.modelId)}
      </div>
      <div className="small muted">
        {percent(analysis.confidence)} overall
        {!analysis.modelId.startsWith(LOCAL_PREFIX) &&
          ` · ${formatUsd(analysis.costUsd)} · prompt ${analysis.promptVersion}`}
      </div>
    </>
  );
}

/** Every field of the item: the answer under review, optionally another answer beside it with differences marked, and the decisions. */
export function FieldReviewTable({ session }: { session: ReviewSession }) {
  const { item, reviewAnalysis, comparing, column, candidates } = session;
  if (!item) return null;
  const compareAnalysis = comparing ? session.compareAnalysis : undefined;
  const columnCount = compareAnalysis ? 5 : 4;
  const heading = (which: ReviewColumn) => (
    <th
      scope="col"
      className={`review-answer-heading${compareAnalysis && column === which ? ' active' : ''}`}
      onClick={() => session.setColumn(which)}
    >
      {which === 'review' && reviewAnalysis && (
        <AnswerHeading
          analysis={reviewAnalysis}
          role="Under review"
          active={Boolean(compareAnalysis) && column === which}
        />
      )}
      {which === 'compare' && compareAnalysis && (
        <>
          <AnswerHeading analysis={compareAnalysis} role="Compared with" active={column === which} />
          {candidates.length > 1 && (
            <select
              aria-label="Compare with"
              value={compareAnalysis.modelId}
              onChange={(e) => session.chooseCompare(e.target.value)}
              onClick={(e) => e.stopPropagation()}
            >
              {candidates.map((a) => (
                <option key={`${a.modelId}|${a.promptVersion}`} value={a.modelId}>
                  {modelLabel(a.modelId)}
                </option>
              ))}
            </select>
          )}
        </>
      )}
    </th>
  );

  return (
    <table
      className="review-fields"
      data-testid="review-fields"
      data-hash={item.hash}
      data-comparing={Boolean(compareAnalysis)}
    >
      <thead>
        <tr>
          <th scope="col">Field</th>
          {heading('review')}
          {compareAnalysis && heading('compare')}
          <th scope="col">Counts</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {ATTRIBUTE_FIELDS.map((field, index) => (
          <Fragment key={field}>
            <FieldReviewRow
              field={field}
              index={index}
              review={item.fields[field]}
              reviewAnalysis={reviewAnalysis}
              compareAnalysis={compareAnalysis}
              column={column}
              focused={session.fieldIndex === index}
              onFocus={() => session.focusField(index)}
              onAccept={(analysis) => session.acceptField(field, analysis)}
              onReject={() => session.rejectField(field)}
              onEdit={() => session.startEdit(field)}
            />
            {session.editing === field && (
              <tr className="review-editor-row">
                <td colSpan={columnCount}>
                  <FieldEditor
                    field={field}
                    initial={
                      item.fields[field].value ??
                      (column === 'compare' && compareAnalysis ? compareAnalysis : reviewAnalysis)?.attributes[field]
                    }
                    saving={session.saving}
                    error={session.editError}
                    onSave={(value) => session.saveEdit(field, value)}
                    onCancel={session.cancelEdit}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
