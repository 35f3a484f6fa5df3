import { Slots } from '../../server/local-cloud/slots'

/** A task that runs until `finish()` is called, recording when it started. */
function gate(started: number[], id: number) {
  let finish: () => void = () => undefined
  const task = () =>
    new Promise<number>((resolve) => {
      started.push(id)
      finish = () => resolve(id)
    })
  return { task, finish: () => finish() }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('Slots', () => {
  it('runs at most `size` tasks at once and starts the others in arrival order', async () => {
    const slots = new Slots(2)
    const started: number[] = []
    const gates = [0, 1, 2, 3].map((id) => gate(started, id))
    const results = gates.map((g) => slots.run(g.task))
    await tick()
    expect(started).toEqual([0, 1])
    expect(slots.queued).toBe(2)

    gates[1].finish()
    await tick()
    expect(started).toEqual([0, 1, 2])

    // A newcomer waits behind those already queued.
    const late = gate(started, 4)
    const lateResult = slots.run(late.task)
    gates[0].finish()
    await tick()
    expect(started).toEqual([0, 1, 2, 3])

    gates[2].finish()
    gates[3].finish()
    await tick()
    late.finish()
    expect(await Promise.all([...results, lateResult])).toEqual([0, 1, 2, 3, 4])
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(slots.queued).toBe(0)
  })

  it('frees the slot of a task that fails', async () => {
    const slots = new Slots(1)
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(slots.run(async () => 'next')).resolves.toBe('next')
  })

  it('refuses a size below one', () => {
    expect(() => new Slots(0)).toThrow(/size/)
  })
})
