import rule from '../../src/rules/require-route-handler-auth.js';
import { ruleTester } from '../rule-tester.js';
import { invalid } from './require-route-handler-auth.invalid.js';
import { valid } from './require-route-handler-auth.valid.js';

ruleTester.run('require-route-handler-auth', rule, { valid, invalid });
