// @vitest-environment happy-dom
/**
 * Query parameters: one typed input per `$name` of the SQL (the type guessed from the name, as QueriesView does), and
 * the values passed on typed: numbers as numbers, an emptied number or date as null, institutions as a list.
 */
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { guessParamType, paramNames, type ParamDef, type ParamType, type ParamValue } from '../../../../shared/queries'
import { ParamInputs } from './ParamInputs'

afterEach(cleanup)

const SQL = `SELECT * FROM posts
WHERE institution IN $institutions AND published_at >= $from AND text ILIKE $pattern
  AND interactions >= $post_count -- not a parameter: $ignored
LIMIT $limit`

const INSTITUTIONS = ['Harrow Clinic Network', 'Quillmere General', 'St. Ives Children’s']

function Harness({ sent }: { sent: [string, ParamValue][] }) {
  const [types, setTypes] = useState<Record<string, ParamType>>({})
  const [values, setValues] = useState<Record<string, ParamValue>>({})
  const params: ParamDef[] = paramNames(SQL).map((name) => ({ name, type: types[name] ?? guessParamType(name) }))
  return (
    <ParamInputs
      params={params}
      values={values}
      institutions={INSTITUTIONS}
      onType={(name, type) => setTypes((t) => ({ ...t, [name]: type }))}
      onValue={(name, value) => {
        sent.push([name, value])
        setValues((v) => ({ ...v, [name]: value }))
      }}
    />
  )
}

function setup() {
  const sent: [string, ParamValue][] = []
  render(<Harness sent={sent} />)
  return { sent, user: userEvent.setup({ delay: null }) }
}

const typeOf = (name: string) =>
  (screen.getByLabelText(`Type of $${name}`) as HTMLSelectElement).selectedOptions[0].textContent
const valueInput = (name: string) => screen.getByLabelText(`$${name}`) as HTMLInputElement

describe('ParamInputs', () => {
  it('renders one typed input per parameter, numeric names as Number', () => {
    setup()
    expect(screen.getAllByTestId('query-param').map((el) => el.dataset.name)).toEqual([
      'institutions',
      'from',
      'pattern',
      'post_count',
      'limit'
    ])
    expect(['institutions', 'from', 'pattern', 'post_count', 'limit'].map(typeOf)).toEqual([
      'Institutions',
      'Date',
      'Text',
      'Number',
      'Number'
    ])
    expect(valueInput('limit').type).toBe('number')
    expect(valueInput('post_count').type).toBe('number')
    expect(valueInput('from').type).toBe('date')
    expect(valueInput('pattern').type).toBe('text')
    expect(screen.getByText('All institutions').tagName).toBe('SUMMARY')
  })

  it('passes a number as a number and an emptied one as null; text stays text', async () => {
    const { sent, user } = setup()
    await user.type(valueInput('limit'), '25')
    expect(sent.at(-1)).toEqual(['limit', 25])
    await user.clear(valueInput('limit'))
    expect(sent.at(-1)).toEqual(['limit', null])
    await user.type(valueInput('pattern'), '%flu%')
    expect(sent.at(-1)).toEqual(['pattern', '%flu%'])
  })

  it('institutions are passed as the checked names, and Clear goes back to all', async () => {
    const { sent, user } = setup()
    await user.click(screen.getByRole('checkbox', { name: 'Quillmere General' }))
    await user.click(screen.getByRole('checkbox', { name: 'Harrow Clinic Network' }))
    expect(sent.at(-1)).toEqual(['institutions', ['Quillmere General', 'Harrow Clinic Network']])
    expect(screen.getByText('2 institutions').tagName).toBe('SUMMARY')
    await user.click(screen.getByRole('button', { name: 'Clear (all institutions)' }))
    expect(sent.at(-1)).toEqual(['institutions', []])
  })

  it('changing a parameter’s type changes its input', async () => {
    const { sent, user } = setup()
    await user.selectOptions(screen.getByLabelText('Type of $pattern'), 'Number')
    expect(valueInput('pattern').type).toBe('number')
    await user.type(valueInput('pattern'), '7')
    expect(sent.at(-1)).toEqual(['pattern', 7])
  })
})
