import { useEffect, useRef, useState } from 'react'
import { useLatest } from '../../components/useLatest'
import { IMPORT_TYPES_TEXT } from '../../../../shared/importFiles'

/** Drag files anywhere on the window: an overlay shows while dragging, and the drop hands over the files. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false)
  const depth = useRef(0)
  const onFilesRef = useLatest(onFiles)

  useEffect(() => {
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files')
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setDragging(true)
    }
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return
      // Without preventDefault the browser would navigate to the dropped file.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      e.preventDefault()
      depth.current = 0
      setDragging(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      if (files.length) onFilesRef.current(files)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [onFilesRef])

  if (!dragging) return null
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-target">
        <div className="drop-icon">⇣</div>
        <div className="drop-title">Drop files to import</div>
        <div className="drop-sub" data-testid="drop-types">
          {IMPORT_TYPES_TEXT}
        </div>
      </div>
    </div>
  )
}
