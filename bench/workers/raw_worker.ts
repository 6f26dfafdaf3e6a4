// The raw-Worker anchor of "start → first result": a module that says hello.
import { parentPort } from "node:worker_threads";

parentPort!.postMessage(1);
