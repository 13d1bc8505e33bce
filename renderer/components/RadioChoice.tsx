import type { ReactNode } from 'react';

/** One option of a choice: a radio, its name, and a line on what choosing it means. */
export function RadioChoice(props: {
  name: string;
  checked: boolean;
  onChoose: () => void;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <label className="choice">
      <input type="radio" name={props.name} checked={props.checked} onChange={props.onChoose} />
      <span>
        {props.title} <span className="small muted choice-detail">{props.children}</span>
      </span>
    </label>
  );
}
