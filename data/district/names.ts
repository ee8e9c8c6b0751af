import type { Random } from './random';

/** Chinese name pools for people, streets, communities, villages and roads (all invented). */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡孔颜孟'.split(
    '',
  );
const SURNAME_WEIGHTS = [
  7.1, 7, 6.7, 5.4, 4.5, 3.1, 2.2, 2, 1.8, 1.7, 1.3, 1.3, 1.2, 1.1, 1, 1, 0.9, 0.9, 0.9, 0.8, 0.8,
  0.7, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3,
  0.6, 0.3, 0.3,
];
const GIVEN_CHARS =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国红玉文志海波鹏辉飞琳婷雪梅宁浩宇晨欣怡佳子涵晓东庆春凤金利成亮斌博瑞泽昊萱雨思嘉鑫'.split(
    '',
  );

/** The five streets of the real high-tech zone, used in order before invented ones. */
const DISTRICT_STREETS = ['洸河街道', '黄屯街道', '王因街道', '柳行街道', '接庄街道'];
const STREET_ROOTS = (
  '济阳 仙营 古槐 越河 南苑 观音阁 李营 唐口 喻屯 石桥 长沟 南张 安居 马集 许庄 金城 小孟 ' +
  '大安 新驿 颜店 漕河 鼓楼 龙桥 兴隆 新兖 纸坊 卧龙山 满硐 黄垓 万张 老僧堂 仲山 疃里 大束 ' +
  '马庙 南阳 两城 次丘 郭仓 杨店 白石 义桥 寅寺 康驿 苑庄 军屯 南旺 寅集 羊山 胡集'
).split(' ');

const URBAN_FIRST = '和康锦新崇海同杏华金凤兴明阳丽书运菱翠景福瑞泰安宁嘉盛荣春秋绿盈'.split('');
const URBAN_SECOND = '苑园城府湾庭居里坊林桥河湖华馨悦都源泉'.split('');
const VILLAGE_SURNAMES = '张王李刘陈杨赵孙马朱胡郭何高孔颜孟曹田董冯宋韩徐周吴郑任岳贾'.split('');
const VILLAGE_SUFFIXES = '庄楼屯营集店洼桥寨口园堂家'.split('');
const PREFIXES = ['东', '西', '南', '北', '新', '前', '后'];

const ROAD_ROOTS = (
  '崇文 同济 海川 洸河 杏林 开源 科苑 金宇 火炬 蓼河 凤凰 九州 红星 太白 琵琶 仙营 建设 共青 ' +
  '济安 车站 古槐 运河 府河 任城 光明 新华 和平 荷花 南池 吴泰 环城 龙翔 黄王 科技 创新 产业 ' +
  '诗仙 梁山 曲阜 孔孟 圣贤 儒风 康桥 春和 锦华 鸿顺 翠湖 景泰 永安 长青'
).split(' ');

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '177',
  '180',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** A plausible Chinese personal name: a common surname and one or two given characters. */
export function personName(rng: Random): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const given = rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : '');
  return surname + given;
}

/** An 11-digit mainland mobile number such as `13812345678`. */
export function mobileNumber(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** `count` distinct names drawn from shuffled candidates, numbered once the pool runs out. */
function distinctNames(rng: Random, candidates: readonly string[], count: number): string[] {
  const pool = rng.shuffle(candidates);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = pool[i % pool.length] as string;
    const round = Math.floor(i / pool.length);
    names.push(round === 0 ? base : `${base}${round + 1}`);
  }
  return names;
}

function combine(first: readonly string[], second: readonly string[]): string[] {
  return first.flatMap((a) => second.map((b) => a + b));
}

/** Street (街道) names: the five real street names of the zone first, then invented ones. */
export function streetNames(rng: Random, count: number): string[] {
  const invented = distinctNames(
    rng,
    STREET_ROOTS.map((root) => `${root}街道`),
    Math.max(0, count - DISTRICT_STREETS.length),
  );
  return [...DISTRICT_STREETS, ...invented].slice(0, count);
}

/** Distinct urban community names (…社区). */
export function communityNames(rng: Random, count: number): string[] {
  const plain = combine(URBAN_FIRST, URBAN_SECOND);
  const candidates = count > plain.length ? [...plain, ...combine(PREFIXES, plain)] : plain;
  return distinctNames(rng, candidates, count).map((n) => `${n}社区`);
}

/** Distinct village names (…村). */
export function villageNames(rng: Random, count: number): string[] {
  const plain = combine(VILLAGE_SURNAMES, VILLAGE_SUFFIXES);
  const candidates = count > plain.length ? [...plain, ...combine(PREFIXES, plain)] : plain;
  return distinctNames(rng, candidates, count).map((n) => `${n}村`);
}

/** Distinct road name stems (without 路/街/巷), one per lattice line. */
export function roadStems(rng: Random, count: number): string[] {
  const directed = combine(ROAD_ROOTS, ['东', '西', '南', '北', '中']);
  const candidates = count > ROAD_ROOTS.length ? [...ROAD_ROOTS, ...directed] : ROAD_ROOTS;
  return distinctNames(rng, candidates, count);
}
