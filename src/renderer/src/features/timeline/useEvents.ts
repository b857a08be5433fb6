import { useCallback, useEffect, useState } from 'react'
import { call, pathForFile, saveFile } from '../../api'
import type { Input } from '../../../../shared/contract'
import type { Institution } from '../../../../shared/canonical'
import type { TimelineEvent } from '../../../../shared/timeline'
import { useUndo } from '../undo/useUndo'

type Notify = (err: unknown, context?: string) => void

/** The workspace's events and institutions, reloaded after every change; failures go to the error banner. */
export function useEvents(onError: Notify, toast: (text: string) => void) {
  const [events, setEvents] = useState<TimelineEvent[]>([])
  const [institutions, setInstitutions] = useState<Institution[]>([])
  const [loaded, setLoaded] = useState(false)
  const [busy, setBusy] = useState(false)
  const undo = useUndo()

  const refresh = useCallback(async () => {
    try {
      const [e, i] = await Promise.all([call('listEvents', undefined), call('listInstitutions')])
      setEvents(e)
      setInstitutions(i)
    } catch (err) {
      onError(err, 'Could not load the events')
    } finally {
      setLoaded(true)
    }
  }, [onError])

  useEffect(() => {
    void refresh()
  }, [refresh, undo.revision])

  const change = useCallback(
    async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
      setBusy(true)
      try {
        return await fn()
      } catch (err) {
        onError(err, what)
        return null
      } finally {
        setBusy(false)
        await refresh()
      }
    },
    [onError, refresh]
  )

  const add = useCallback(
    (input: Input<'addEvent'>) => change('Could not add the event', () => call('addEvent', input)),
    [change]
  )
  const update = useCallback(
    (input: Input<'updateEvent'>) => change('Could not save the event', () => call('updateEvent', input)),
    [change]
  )
  const remove = useCallback(
    async (e: TimelineEvent) => {
      const r = await change(`Could not delete “${e.title}”`, () => call('deleteEvent', { eventId: e.eventId }))
      if (r?.deleted) undo.offer(r.undo)
    },
    [change, undo]
  )

  const importCsv = useCallback(
    async (file: File) => {
      const r = await change(`Could not import ${file.name}`, async () =>
        call('importEvents', { path: await pathForFile(file) })
      )
      if (r) toast(`Imported ${r.imported} ${r.imported === 1 ? 'event' : 'events'} from ${file.name}`)
    },
    [change, toast]
  )

  const exportCsv = useCallback(async () => {
    await change('Could not export the events', async () => {
      const { fileName, text } = await call('exportEvents')
      const saved = await saveFile({
        defaultName: fileName,
        bytes: new TextEncoder().encode(text),
        filters: [{ name: 'CSV', extensions: ['csv'] }]
      })
      if (saved.saved) toast(saved.path ? `Events saved to ${saved.path}` : `Events saved as ${fileName}`)
    })
  }, [change, toast])

  const enableObservances = useCallback(async () => {
    const r = await change('Could not add the health observances', () => call('enableObservances'))
    if (r) {
      const span = `${r.years[0]}–${r.years[r.years.length - 1]}`
      toast(
        r.added
          ? `Added ${r.added} health observances (${span})`
          : `The health observances for ${span} are already there`
      )
    }
  }, [change, toast])

  const disableObservances = useCallback(async () => {
    const r = await change('Could not remove the health observances', () => call('disableObservances'))
    if (r)
      toast(
        `Removed ${r.removed} health observances${r.kept ? `; kept ${r.kept} you edited (delete them one by one)` : ''}`
      )
  }, [change, toast])

  return {
    events,
    institutions,
    loaded,
    busy,
    add,
    update,
    remove,
    importCsv,
    exportCsv,
    enableObservances,
    disableObservances
  }
}
