// poolifier's worker: a ThreadWorker around the same function.
import { ThreadWorker } from "poolifier";

export default new ThreadWorker((data) => data.a + data.b);
