import { describe, expect, it } from 'vitest'
import { inputs } from '../../../../shared/contract'
import { CHART_IDS } from '../../../../shared/charts/chartDefs'
import { exportGroups, fileFilter, moveItem } from './exportOptions'

const request = { institutionIds: [1, 2, 3], convention: 'followers_at_post' as const }

describe('export menu options', () => {
  it('every chart offers its data; Plot charts also PNG 1x/2x/3x, slide sizes, SVG and copy', () => {
    for (const id of CHART_IDS) {
      const ids = exportGroups(id).flatMap((g) => g.options.map((o) => o.id))
      expect(ids).toEqual(expect.arrayContaining(['csv', 'xlsx', 'parquet']))
      const image = id !== 'topPosts' && id !== 'breakouts'
      expect(ids.includes('png')).toBe(image)
      if (image)
        expect(ids).toEqual(
          expect.arrayContaining(['png-2x', 'png-3x', 'png-1920x1080', 'png-1280x720', 'svg', 'copy-png', 'copy-svg'])
        )
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('each option is a valid request of its channel', () => {
    for (const id of CHART_IDS) {
      for (const o of exportGroups(id).flatMap((g) => g.options)) {
        const a = o.action
        const parsed =
          a.kind === 'data'
            ? inputs.exportChartData.safeParse({ request, chartId: id, format: a.format })
            : inputs.exportChart.safeParse({
                request,
                chartId: id,
                format: a.format,
                size: a.kind === 'image' ? a.size : 'chart',
                scale: a.kind === 'image' ? a.scale : 2
              })
        expect(parsed.success, `${id} ${o.id}`).toBe(true)
      }
    }
  })

  it('save filters follow the extension', () => {
    expect(fileFilter('a_b.pptx')).toEqual([{ name: 'PowerPoint presentation', extensions: ['pptx'] }])
    expect(fileFilter('noext')).toEqual([])
  })

  it('moveItem moves up, down and clamps', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c'])
  })
})
