#!/usr/bin/env node
/** The CDK app (`npx cdk synth`, `npx cdk deploy`): stateful + stateless stacks, checked by cdk-nag. */
import { createCertificatesApp } from '../lib/certificates-app.js';

createCertificatesApp().app.synth();
