-- Demo data for dev mode only (never loaded in test or prod): the 静宁县 (Gansu)
-- sellers and the 武清区 (Tianjin) / 遂溪县 (Guangdong) buyers' regions.
-- Repeatable migration, so it always runs after every schema migration.

insert into region (code, name, level, parent_code, path, poverty_alleviated, key_assistance) values
    ('620000', '甘肃省', 'PROVINCE', null, '/620000/', false, false),
    ('620800', '平凉市', 'CITY', '620000', '/620000/620800/', false, false),
    ('620826', '静宁县', 'COUNTY', '620800', '/620000/620800/620826/', true, true),
    ('620826100000', '城关镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826100000/', false, false),
    ('620826100201', '雷大村', 'VILLAGE', '620826100000', '/620000/620800/620826/620826100000/620826100201/', true, false),
    ('620826101000', '威戎镇', 'TOWNSHIP', '620826', '/620000/620800/620826/620826101000/', false, false),
    ('620826101203', '杨桥村', 'VILLAGE', '620826101000', '/620000/620800/620826/620826101000/620826101203/', true, false),
    ('120000', '天津市', 'PROVINCE', null, '/120000/', false, false),
    ('120100', '市辖区', 'CITY', '120000', '/120000/120100/', false, false),
    ('120114', '武清区', 'COUNTY', '120100', '/120000/120100/120114/', false, false),
    ('450000', '广西壮族自治区', 'PROVINCE', null, '/450000/', false, false),
    ('450200', '柳州市', 'CITY', '450000', '/450000/450200/', false, false),
    ('450224', '融安县', 'COUNTY', '450200', '/450000/450200/450224/', true, false),
    ('440000', '广东省', 'PROVINCE', null, '/440000/', false, false),
    ('440800', '湛江市', 'CITY', '440000', '/440000/440800/', false, false),
    ('440823', '遂溪县', 'COUNTY', '440800', '/440000/440800/440823/', false, false)
on conflict (code) do nothing;

insert into cooperative (id, name, credit_code, kind, region_code, contact_phone, status, status_note) values
    (1, '静宁县红果苹果专业合作社', '93620826MA7JNG001T', 'COOPERATIVE', '620826', '0933-2512345', 'APPROVED', '演示数据'),
    (2, '平凉红牛养殖专业合作社', '93620826MA7PLHN02F', 'COOPERATIVE', '620826', '0933-2523456', 'APPROVED', '演示数据')
on conflict (id) do nothing;
-- Keep generated ids clear of the demo rows.
select setval('cooperative_seq', greatest((select max(id) from cooperative), 100));

insert into product (id, cooperative_id, name, category, unit, price_fen, stock, household_share_bp, brand,
                     certifications, status) values
    (1, 1, '静宁苹果 (80mm 红富士)', 'FRUIT', '箱(5kg)', 5990, 500, 1000, '静宁苹果', '{GEO_INDICATION,GREEN_FOOD,POVERTY_AREA_PRODUCT}', 'ACTIVE'),
    (2, 1, '静宁苹果礼盒', 'FRUIT', '盒(12枚)', 12800, 200, 800, '静宁苹果', '{GEO_INDICATION,POVERTY_AREA_PRODUCT}', 'ACTIVE'),
    (3, 1, '静宁苹果脆片', 'OTHER', '袋(200g)', 1990, 1000, 500, '红果', '{POVERTY_AREA_PRODUCT}', 'ACTIVE'),
    (4, 2, '平凉红牛 牛腱子', 'LIVESTOCK', 'kg', 13800, 300, 600, '平凉红牛', '{GEO_INDICATION,POVERTY_AREA_PRODUCT}', 'ACTIVE'),
    (5, 2, '平凉红牛 风干牛肉', 'LIVESTOCK', '袋(250g)', 6800, 400, 600, '平凉红牛', '{GREEN_FOOD}', 'ACTIVE')
on conflict (id) do nothing;
select setval('product_seq', greatest((select max(id) from product), 100));

-- Paired-region buyers in 天津市武清区, to try orders with {"groups":["buyer"],"buyer_id":1}.
insert into buyer (id, name, kind, region_code, annual_food_budget_fen, reserve_bp) values
    (1, '武清区总工会', 'TRADE_UNION', '120114', null, null),
    (2, '武清区机关事务服务中心食堂', 'BUDGET_UNIT', '120114', 300000000, 3000)
on conflict (id) do nothing;
select setval('buyer_seq', greatest((select max(id) from buyer), 100));
