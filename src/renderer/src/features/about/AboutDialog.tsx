import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { AppInfo } from '../../../../shared/types'
import { Modal } from '../../components/Modal'

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    api.appInfo().then(setInfo, (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)))
  }, [])

  return (
    <Modal
      title={`About ${info?.name ?? 'Socialbench'}`}
      testId="about-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <dl className="about-facts">
        <dt>Version</dt>
        <dd data-testid="about-version">{info?.version ?? (failed ? 'unknown' : '…')}</dd>
        <dt>Workspace</dt>
        <dd className="mono">{info?.workspacePath ?? '…'}</dd>
        <dt>Local log</dt>
        <dd className="mono">{info ? (info.logPath ?? 'not written') : '…'}</dd>
      </dl>
      <p className="about-offline">
        Socialbench works entirely offline: your data never leaves this computer; no telemetry, no network.
      </p>
      {failed && <p className="muted">Could not read app details: {failed}</p>}
    </Modal>
  )
}
