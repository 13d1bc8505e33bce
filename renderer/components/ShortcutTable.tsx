export interface Shortcut {
  /** As the help shows them. */
  keys: string[];
  does: string;
}

/** A view's keys, from the same table its key handler is written against. */
export function ShortcutTable({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <table className="key-table">
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.does}>
            <th scope="row">
              {shortcut.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </th>
            <td>{shortcut.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
