import { registerReader } from '../readers';
import { prepareBai2 } from './bai2';
import { prepareCamt } from './camt';
import { prepareMt940 } from './mt940';
import { prepareOfx } from './ofx';

registerReader('camt052', prepareCamt('camt052'));
registerReader('camt053', prepareCamt('camt053'));
registerReader('camt054', prepareCamt('camt054'));
registerReader('mt940', prepareMt940);
registerReader('ofx', prepareOfx);
registerReader('bai2', prepareBai2);
