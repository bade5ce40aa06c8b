import rule from '../../src/rules/require-server-action-auth.js';
import { ruleTester } from '../rule-tester.js';
import { invalid } from './require-server-action-auth.invalid.js';
import { valid } from './require-server-action-auth.valid.js';

ruleTester.run('require-server-action-auth', rule, { valid, invalid });
