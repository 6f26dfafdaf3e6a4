// S4-22 — a million float64 values in `shared_memory.SharedMemory`, squared
// in place by a process pool, one slice per CPU (seed 004, "前沿优化").
//
// Python original:
//
//   import asyncio, multiprocessing, concurrent.futures
//   from multiprocessing import shared_memory
//   import numpy as np
//   def process_data_in_process(shm_name, shape, dtype, start_idx, end_idx):
//       shm = shared_memory.SharedMemory(name=shm_name)
//       data = np.ndarray(shape, dtype=dtype, buffer=shm.buf)
//       for i in range(start_idx, end_idx):
//           data[i] = data[i] ** 2
//       shm.close()
//       return start_idx, end_idx
//   async def main():
//       data = np.ones(1000000, dtype=np.float64)
//       shm = shared_memory.SharedMemory(create=True, size=data.nbytes)
//       shared_data = np.ndarray(data.shape, dtype=data.dtype, buffer=shm.buf)
//       shared_data[:] = data[:]
//       with concurrent.futures.ProcessPoolExecutor() as executor:
//           chunk_size = len(data) // multiprocessing.cpu_count()
//           futures = []
//           loop = asyncio.get_running_loop()
//           for i in range(multiprocessing.cpu_count()):
//               start = i * chunk_size
//               end = start + chunk_size if i < multiprocessing.cpu_count() - 1 else len(data)
//               future = loop.run_in_executor(
//                   executor, process_data_in_process,
//                   shm.name, data.shape, data.dtype, start, end)
//               futures.append(future)
//           results = await asyncio.gather(*futures)
//           print(f"处理完成: {results}")
//           print(f"结果示例: {shared_data[:5]}")
//       shm.close()
//       shm.unlink()
//
// Differences: a `Float64Array` over `shm.buf` stands in for the NumPy array
// (no NumPy in JavaScript); workers attach to the block by name, as in
// Python. The data is filled with 2.0 rather than ones so that squaring shows
// (1 ** 2 is 1); the results print in Python's notation.

import { asyncio, concurrent, multiprocessing } from "../mod.ts";

const { SharedMemory } = multiprocessing.sharedMemory;

export function processDataInProcess(
  shmName: string,
  length: number,
  startIdx: number,
  endIdx: number,
): [number, number] {
  const shm = new SharedMemory(shmName); // attach by name
  const data = new Float64Array(shm.buf.buffer, shm.buf.byteOffset, length);
  for (let i = startIdx; i < endIdx; i++) {
    data[i] = data[i] ** 2; // CPU work
  }
  shm.close();
  return [startIdx, endIdx];
}

async function main(): Promise<void> {
  const length = 1_000_000;
  const shm = new SharedMemory(null, true, length * Float64Array.BYTES_PER_ELEMENT);
  const sharedData = new Float64Array(shm.buf.buffer, shm.buf.byteOffset, length);
  sharedData.fill(2); // copy the data into shared memory
  {
    await using executor = new concurrent.futures.ProcessPoolExecutor();
    const cpus = multiprocessing.cpuCount();
    const chunkSize = Math.floor(length / cpus);
    const loop = asyncio.getRunningLoop();
    const futures = [];
    for (let i = 0; i < cpus; i++) {
      const start = i * chunkSize;
      const end = i < cpus - 1 ? start + chunkSize : length;
      futures.push(
        loop.runInExecutor(executor, processDataInProcess, shm.name, length, start, end),
      );
    }
    const results = await asyncio.gather(...futures);
    console.log(`处理完成: [${results.map(([s, e]) => `(${s}, ${e})`).join(", ")}]`);
    console.log(`结果示例: [${[...sharedData.subarray(0, 5)].map((v) => `${v}.`).join(" ")}]`);
  }
  shm.close();
  shm.unlink();
}

if (multiprocessing.isMain(import.meta)) {
  await asyncio.run(main);
}
