import { useCallback, useState } from 'react'
import { api } from '../../api'
import type { DatasetSummary } from '../../../../shared/types'

/** The dataset list and the selection; every change goes through the engine and the list is re-read. */
export function useDatasets(onError: (err: unknown, context?: string) => void) {
  const [datasets, setDatasets] = useState<DatasetSummary[]>([])
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [loaded, setLoaded] = useState(false)

  const refresh = useCallback(
    async (select?: number): Promise<DatasetSummary[]> => {
      try {
        const list = await api.listDatasets()
        setDatasets(list)
        setLoaded(true)
        setSelectedId((current) => {
          const wanted = select ?? current
          if (wanted !== null && list.some((d) => d.id === wanted)) return wanted
          return list[0]?.id ?? null
        })
        return list
      } catch (err) {
        onError(err, 'Could not list datasets')
        return []
      }
    },
    [onError]
  )

  /** Throws so the inline editor can stay open on failure. */
  const rename = useCallback(async (datasetId: number, name: string) => {
    const updated = await api.renameDataset({ datasetId, name })
    setDatasets((list) => list.map((d) => (d.id === updated.id ? updated : d)))
    return updated
  }, [])

  const remove = useCallback(
    async (datasetId: number) => {
      const index = datasets.findIndex((d) => d.id === datasetId)
      const answer = await api.deleteDataset({ datasetId })
      const list = datasets.filter((d) => d.id !== datasetId)
      setDatasets(list)
      // Select the neighbour so the keyboard user keeps their place.
      setSelectedId((current) =>
        current === datasetId ? (list[Math.min(index, list.length - 1)]?.id ?? null) : current
      )
      void refresh()
      return answer
    },
    [datasets, refresh]
  )

  const selected = datasets.find((d) => d.id === selectedId) ?? null

  return { datasets, selected, selectedId, select: setSelectedId, refresh, rename, remove, loaded }
}
