import type { ApiResult, ArgsOf, MethodName, ResultOf } from '../../../shared/api';

/** One handler per contract method; arguments arrive already validated. */
export type Handler<K extends MethodName> = (args: ArgsOf<K>) => Promise<ApiResult<ResultOf<K>>>;

export type HandlerTable = { [K in MethodName]: Handler<K> };

/** A feature's slice of the table. */
export type HandlerSlice<K extends MethodName> = { [P in K]: Handler<P> };
