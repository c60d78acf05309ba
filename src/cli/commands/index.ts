/** The commands, in the order of the help. */
import type { CommandDef } from '../command.js';
import type { CommandName } from '../formats.js';
import { score } from './score.js';
import { validate } from './validate.js';
import { plan } from './plan.js';
import { tasks } from './tasks.js';
import { explain } from './explain.js';
import { overdue } from './overdue.js';

export const COMMANDS: { [C in CommandName]: CommandDef<C> } = { score, validate, plan, tasks, explain, overdue };
