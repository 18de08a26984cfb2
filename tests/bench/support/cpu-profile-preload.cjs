// Loaded into the app's processes by the bench (NODE_OPTIONS=--require, with BENCH_PROFILE_DIR set;
// Node refuses --cpu-prof in NODE_OPTIONS). The first SIGUSR2 starts V8's sampling profiler through
// the inspector, the second stops it and writes BENCH_PROFILE_DIR/<pid>.cpuprofile, so that only the
// measured decisions are in it, not the start-up. Nothing happens without BENCH_PROFILE_DIR.
'use strict'
const inspector = require('node:inspector')
const fs = require('node:fs')
const path = require('node:path')

const directory = process.env.BENCH_PROFILE_DIR
if (directory) {
  let session = null
  process.on('SIGUSR2', () => {
    if (!session) {
      session = new inspector.Session()
      session.connect()
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
      )
      return
    }
    const stopping = session
    session = null
    stopping.post('Profiler.stop', (error, result) => {
      const file = path.join(directory, `${process.pid}.cpuprofile`)
      fs.writeFileSync(`${file}.part`, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile))
      fs.renameSync(`${file}.part`, file)
      stopping.disconnect()
    })
  })
}
