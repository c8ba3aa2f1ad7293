import { apiContract, type ApiMethod } from './contract.js';

/** The call names, for the preload's allow-list. */
export const apiMethodNames = Object.keys(apiContract) as ApiMethod[];
