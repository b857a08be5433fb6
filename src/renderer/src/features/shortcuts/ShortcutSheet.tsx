import { Modal } from '../../components/Modal'
import { APP_SHORTCUTS, LOCAL_KEYS } from '../../../../shared/shortcuts'
import { keyLabel } from './keyLabels'
import '../../styles/shortcuts.css'

/** Every shortcut of the shared list (the menu's) and the keys that work inside a view; opened with ? or Ctrl+/. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      title="Keyboard shortcuts"
      testId="shortcut-sheet"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <h3 className="shortcut-heading">Anywhere (also in the menu)</h3>
      <table className="shortcut-table">
        <caption className="visually-hidden">App-wide shortcuts</caption>
        <tbody>
          {APP_SHORTCUTS.map((s) => (
            <tr key={s.command} data-testid="shortcut-row" data-command={s.command}>
              <th scope="row">{s.label.replace(/…$/, '')}</th>
              <td>
                <kbd data-testid="shortcut-keys">{keyLabel(s.accelerator)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="shortcut-heading">In a view</h3>
      <table className="shortcut-table">
        <caption className="visually-hidden">Keys inside a view</caption>
        <tbody>
          {LOCAL_KEYS.map((k) => (
            <tr key={k.keys + k.where} data-testid="shortcut-local-row">
              <th scope="row">
                {k.label} <span className="muted">· {k.where}</span>
              </th>
              <td>
                <kbd>{keyLabel(k.keys)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}
