import { useState } from 'react'
import { INSTITUTION_PALETTE } from '../../../../shared/canonical'

interface ColorPickerProps {
  color: string
  label: string
  onPick: (color: string) => void
}

/** A swatch that opens the colour-blind-safe palette. */
export function ColorPicker({ color, label, onPick }: ColorPickerProps) {
  const [open, setOpen] = useState(false)
  return (
    <span className="color-picker">
      <button
        type="button"
        className="swatch swatch-button"
        style={{ background: color }}
        aria-label={`${label}: colour ${color}`}
        aria-expanded={open}
        title="Change colour"
        data-testid="institution-color"
        onClick={() => setOpen((o) => !o)}
      />
      {open && (
        <span
          className="palette"
          role="group"
          aria-label={`Colours for ${label}`}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {INSTITUTION_PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch swatch-button"
              style={{ background: c }}
              aria-label={`Colour ${c}`}
              aria-pressed={c.toLowerCase() === color.toLowerCase()}
              onClick={() => {
                onPick(c)
                setOpen(false)
              }}
            />
          ))}
        </span>
      )}
    </span>
  )
}
