import type { ServiceDetails } from '../model/organisation';

/**
 * The demo service's logo (resources/demo-logo.png, drawn for the demo: an arrow rising over the sea,
 * "CAREERS" below), as the data: URL the service details keep, so PDFs need no file access.
 */
export const DEMO_LOGO_DATA_URL = `data:image/png;base64,${[
  'iVBORw0KGgoAAAANSUhEUgAAAKAAAACgCAYAAACLz2ctAAAHQklEQVR42u2dPajkVBiG01jZTGeVxlKbKWy0mkasbawiDEbsFgYbQZtbKMgWTmMjLk6x4IKF',
  'spUXthgQRBDxVi52I4qVwkVh68g7JDDOzk8y+U7OT54DLyx7Mydzvzx7vvP9nGyWGY68KKd5US7yolzlRbnOi3KTF2WFotamfpar+tlOs5BGDd0S2EYH5dIr',
  'jHlRzut/GTyQcUsMzIcEbwZ46AiIM5fgTeplF2OjUxIjExf7vBuMi1rqxmx/WMN3i1FRR932hrAONDAm6qN5n5UPAyILTXG7KA53XEe7BBzIRWAyaQMgqRbk',
  'LEXTJsmMoZBLzU4BSIUDOa+YkHJB4aVmWP2Qt1WQnB/ymhsk8kVeI2KaSZGPplbcL/Lvhus+f4yBfGiR1YdNMAbyoRXpF+Q3HUMAgrwGIhgB+RQAIgBEAIgQ',
  'ACIARAgA0Xm9vHiveuOju9UnXz+svvru++qHx79Wf/z1NwAiWwmyt5efbkG7/unn6pfffq+ODUEIgKizXnznzha0q/sPtqA1q1nXce/6EQCibm7znydPKquh',
  'eQEQdXKblkP3BUDcprehFRYARyK50NAGaRgg9DZijIABMCEItdcEQCD0NmKMgAEwIQgVdQMgEHoD8LUPrgAQ+YOQZgTkDcIYmxAAMCEIY03BAGAiEMYaAQNg',
  'IgC++9kXAIj8ueAYmxAAMKEgRI0RAIi2IAzVetUM9RNyJgR5gS/2CBgAI4cv1jZ8ADSUSmA+G1FjTsEAoAF8lmc6xhYBA2Dk8MXahg+APaXEbwjwxdyEAIA9',
  '4KMNHwBHD1/MbfgAeIEUbQ5R0+1SRYk9AgbAgEpruw0Fbe8Xaxs+AAYMX5f7xtqGD4AtqxvaY7mu456C6ByEKdgZAD2V1s7Bdw7CmNvwATAS+E5BmEIKBgAP',
  'vD7NNXya/5LqxT6EKUTAADhwaU3w9Wke3YUw5jZ8AIwQvn0IY29CAMBaepCu4RM0lm3z1vMBYMKlNcGClwFA4APAccGXSpQKgImU1hAAAh8ApgufIukUulMA',
  'cASlNTQSAIEPAJOGTx0pwAeAXg6LW5XWAJC6LvABYDzwqQ8P+ADQy2FxSmsASF0XAIEPAeCgh8UBBQCp6wIg8KGRAxjCYXE0UgCp6wIg8KHxARjyYXGUOIDU',
  'dQEQ+ND4AIzxsDhKBEBKa5frhbferN7/8JXqm8+fr/58+Gz177fPbKU/6+/0M10DgMBnDt7Hd1/6H3THpGt0bSggZmOCL8XD4q/eeb368cvnzoK3L31GnwXA',
  'gcprKZbWBFCbVe/UaugbwqBcsCsIU4RPLvSSle/QSujTHQcXhFhCmPJhce3j+sLXSHMBoDGEKZfWtGL1cb2HXLGvVTDYRHQfCFOv6yqdYgVfI80JgAYQjuGw',
  'uHJ61gBqTgDsCaHL0pqqM5ICGqVzDkk/a65zaRNL97vrhgGwB4RW8Gn1FEj3rh9tzwD3KQnqs5pDc2lOq5XZGr5GAHghhH0OiwuKq/sPtp3WQ/wn1LqH7qV7',
  'XgokAAYE4SWlNaVmtCq5fn9M2z2rvkuXdBEuOBAIu8CnB6zrh1jl+qyO+o7nYCQICQDCNvDFAN0lMJKGCbyLOhT3au2mU0wvJQGgznMoDeISOgU6klalY2kY',
  '/ay5ziWMulcqZ1iymKFTJGl9YEnzCSTNrXxen9SOPqs5NJfmdPFdNXfMMGYxulfLB6m5mih0iBZ93aOJwl38HrG56Sz0VU4JXOtAosnDhbByNCu55RsfmgBG',
  'tgt9dcxCgk3uSvsbPQzr/Zzm1AMJ+SCSvpu+o/XrR2RLzSnbysYhQekMwKYEdWzDLoPoGpeHzmOAbmgY9922nkED5yE1JcnoAPQ1UtiYDxVwdRkAOKLUhO+U',
  'EwCOPDkbYtIdAHfcK2+xOt7V48pNjxJA/ctu0gm8RqN7ACPbWa2OyQMoQyna0v5GiVpel2a7b5RNZVvZ+BIoowOwKUEdC+9lEF2DO/XrtvUMGjgPqSlJUopD',
  'vB0LIQBEAIgQACIARCjqPKDreaxyXVYJXF/zuMjbAiAAAiAAAmBQAPb5pVOax8o+odk5+D0gAAIgAAIgAMZqYAAEQAAcIYAbAARATwBuBOA6ZABDSFekOo+L',
  'tFlHrQXgCgAB0BOAKwG4AEAA9ATgQgBOx7YHtJo/NPu43tM5mH+aaVgFIgAIgJ0CkGbkRbkEQAAcGMDlLoBTH18whPSJ1TWhgewCRuM5p9nusEjHACAAtk6/',
  '7I+8KOcACIADATjPDg1XSek+aYbQQA6tH3DI38ss+Xxs5EU5A0AAdAzgLDs1XETEAAiAT0W+JwCc5EV5w4ktZCwxNcnajDotc4vRkJFun0q7tIQQ4yH7nF8H',
  'COcYDzlJuXRcCXHHyL3bPQMhgQnqEnDYwLcXHS8xLjqXamkd7V4I4syyYoKS0fpsktkYxDkgopqBeeZr1PvDpeXpOhS8NvUzn2YhjRrGRX3QaQ2UycC2rp/p',
  'whq6/wBZ31/EoPiBGQAAAABJRU5ErkJggg==',
].join('')}`;

/**
 * The demo's service details, as Settings keeps them and the action plan prints them: a made-up
 * service (no real one's name) with example.org and Ofcom drama numbers.
 */
export const DEMO_SERVICE: ServiceDetails = {
  name: 'Weald and Coast Careers Service',
  logoDataUrl: DEMO_LOGO_DATA_URL,
  contact: { name: 'Dev Sharma, careers leader', email: 'careers@example.org', phone: '01622 000 100' },
  address: 'Careers Hub, 2 Station Road, Maidstone ME14 1AA',
};
